# Validation accuracy of every strategy, written by compare-inits.
# Re-render with `gnuplot accuracy.gp` in this folder; the table below is the data (the same
# as accuracy.dat): strategy id, mean accuracy (%), standard deviation over seeds (%), bar text.
$accuracy << EOD
pytorch 86.011 0.223 "86.01%"
keras 86.500 0.249 "86.50%"
xavier-uniform 86.272 0.307 "86.27%"
xavier-normal 86.297 0.514 "86.30%"
he-uniform 86.194 0.373 "86.19%"
he-normal 86.489 0.332 "86.49%"
lecun-uniform 86.169 0.302 "86.17%"
lecun-normal 86.203 0.873 "86.20%"
EOD
reset
set terminal pngcairo size 960,600 noenhanced font 'sans,11'
set output 'accuracy.png'
set title 'Xavier, He and LeCun against the frameworks'."'".' defaults (the lesson'."'".'s ReLU network, 3 seeds): validation accuracy'
set ylabel 'Validation accuracy (%)'
set yrange [0:105]
set xrange [-0.6:7.6]
set style fill solid 0.75 border -1
set boxwidth 0.6
set grid ytics
set xtics rotate by -25 scale 0
set xtics ('PyTorch default' 0, 'Keras default (Glorot uniform)' 1, 'Xavier uniform' 2, 'Xavier normal' 3, 'He uniform' 4, 'He normal' 5, 'LeCun uniform' 6, 'LeCun normal' 7)
set bmargin 7
plot $accuracy using 0:2 with boxes linecolor rgb '#4C72B0' notitle, \
     $accuracy using 0:2:3 with yerrorbars linecolor rgb 'black' pointtype -1 notitle, \
     $accuracy using 0:($2 + $3):4 with labels offset 0,0.9 font ',9' notitle
