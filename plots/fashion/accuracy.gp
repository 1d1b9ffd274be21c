# Validation accuracy of every strategy, written by compare-inits.
# Re-render with `gnuplot accuracy.gp` in this folder; the table below is the data (the same
# as accuracy.dat): label, mean accuracy (%), standard deviation over seeds (%), bar text.
$accuracy << EOD
"All Zeros" 9.542 0.000 "9.54%"
"All Ones" 10.425 0.000 "10.42%"
"Uniform [0, 1)" 44.808 0.000 "44.81%"
"Centered [-0.5, 0.5)" 80.833 0.000 "80.83%"
"General Rule [-y, y)" 85.492 0.000 "85.49%"
"Normal N(0, y)" 85.542 0.000 "85.54%"
"PyTorch default" 85.375 0.000 "85.38%"
EOD
reset
set terminal pngcairo size 960,600 noenhanced font "sans,11"
set output "accuracy.png"
set title "Weight initialization on Fashion-MNIST (the PyTorch lesson): validation accuracy"
set ylabel "Validation accuracy (%)"
set yrange [0:105]
set xrange [-0.6:6.6]
set style fill solid 0.75 border -1
set boxwidth 0.6
set grid ytics
set xtics rotate by -25 scale 0
set bmargin 7
plot $accuracy using 0:2:xtic(1) with boxes linecolor rgb "#4C72B0" notitle, \
     $accuracy using 0:2:3 with yerrorbars linecolor rgb "black" pointtype -1 notitle, \
     $accuracy using 0:($2 + $3):4 with labels offset 0,0.9 font ",9" notitle
