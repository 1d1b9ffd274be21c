# Validation accuracy of every strategy, written by compare-inits.
# Re-render with `gnuplot accuracy.gp` in this folder; the table below is the data (the same
# as accuracy.dat): strategy id, mean accuracy (%), standard deviation over seeds (%), bar text.
$accuracy << EOD
two-layers 88.925 0.000 "88.92%"
four-layers 88.958 0.000 "88.96%"
EOD
reset
set terminal pngcairo size 960,600 noenhanced font 'sans,11'
set output 'accuracy.png'
set title 'The lab: 784-256-256-10 against the deeper 784-512x4-10, Xavier uniform, 15 epochs: validation accuracy'
set ylabel 'Validation accuracy (%)'
set yrange [0:105]
set xrange [-0.6:1.6]
set style fill solid 0.75 border -1
set boxwidth 0.6
set grid ytics
set xtics rotate by -25 scale 0
set xtics ('784-256-256-10, Xavier uniform' 0, '784-512x4-10, Xavier uniform' 1)
set bmargin 7
plot $accuracy using 0:2 with boxes linecolor rgb '#4C72B0' notitle, \
     $accuracy using 0:2:3 with yerrorbars linecolor rgb 'black' pointtype -1 notitle, \
     $accuracy using 0:($2 + $3):4 with labels offset 0,0.9 font ',11' notitle
