# Validation accuracy of every strategy, written by compare-inits.
# Re-render with `gnuplot accuracy.gp` in this folder; the table below is the data (the same
# as accuracy.dat): strategy id, mean accuracy (%), standard deviation over seeds (%), bar text.
$accuracy << EOD
normal-1 10.208 0.000 "10.21%"
normal-0.01 9.817 0.000 "9.82%"
xavier 86.175 0.000 "86.17%"
orthogonal 86.875 0.000 "86.88%"
lsuv 86.358 0.000 "86.36%"
EOD
reset
set terminal pngcairo size 960,600 noenhanced font 'sans,11'
set output 'accuracy.png'
set title 'A 10-hidden-layer tanh network: where initialization decides whether it trains: validation accuracy'
set ylabel 'Validation accuracy (%)'
set yrange [0:105]
set xrange [-0.6:4.6]
set style fill solid 0.75 border -1
set boxwidth 0.6
set grid ytics
set xtics rotate by -25 scale 0
set xtics ('N(0, 1)' 0, 'N(0, 0.01)' 1, 'Xavier uniform' 2, 'Orthogonal (tanh gain)' 3, 'LSUV' 4)
set bmargin 7
plot $accuracy using 0:2 with boxes linecolor rgb '#4C72B0' notitle, \
     $accuracy using 0:2:3 with yerrorbars linecolor rgb 'black' pointtype -1 notitle, \
     $accuracy using 0:($2 + $3):4 with labels offset 0,0.9 font ',11' notitle
